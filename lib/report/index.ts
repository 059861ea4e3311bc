export * from './placement-report';
export * from './record';
