/** Where a household's page is kept on the phone: the visit log reads it too, for its name and helpers. */
export const householdCacheKey = (id: string): string => `household:${id}`;
