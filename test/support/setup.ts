// cdktf's only network call is a version check; tests never need it.
process.env.CHECKPOINT_DISABLE = '1';
