export * from './boundary';
export * from './engine';
export { PlacementError } from '../placement-error';
