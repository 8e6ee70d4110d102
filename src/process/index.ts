export * from './cadences';
export * from './checklist';
export * from './stages';
export * from './kpis';
export * from './next-action';
export * from './offer-match';
