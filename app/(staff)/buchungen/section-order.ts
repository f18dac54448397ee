import type { BookingSection } from '@/server/bookings/sections';

/** The page's order of the sections; a section the server adds fails to compile here until placed. */
const order: Record<BookingSection, number> = { now: 0, upcoming: 1, past: 2, closed: 3 };
export const shownSections = (Object.keys(order) as BookingSection[]).sort((a, b) => order[a] - order[b]);
