/** What the list asks for first: everyone the manager manages. */
export const emptyFilter = { search: '', municipalityId: null, role: null, active: null } as const;

export type PeopleFilterState = {
  search: string;
  municipalityId: string | null;
  role: 'staff' | 'fleet_manager' | 'operator' | null;
  active: boolean | null;
};
