/** The stores of schema version 1, frozen here as it shipped (the app's class only holds the latest). */
export const V1_STORES = {
  prospects: 'id, &linkedinUrl, *emailKeys, nameKey, salesNavId, stage, updatedAt',
  interactions: 'id, prospectId, [prospectId+date], date',
  relances: 'id, prospectId, [status+dueDate], dueDate',
  stageEvents: 'id, prospectId, [prospectId+date], date',
  offers: 'id',
  settings: 'key',
};
