export * from './enums';
export * from './fields';
export * from './issues';
export * from './notice';
export * from './annotation';
export * from './requests';
export * from './cli-record';
