export * from './cadences';
export * from './checklist';
export * from './kpis';
export * from './next-action';
export * from './offer-match';
export * from './stages';
