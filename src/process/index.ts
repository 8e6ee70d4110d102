export * from './cadences';
export * from './checklist';
export * from './stages';
