export * from './enums';
export * from './places';
export * from './people';
export * from './projects';
export * from './needs';
export * from './donations';
export * from './ledger';
export * from './disbursements';
