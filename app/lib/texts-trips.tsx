'use client';
import type { ReactNode } from 'react';
import { tripsDe } from '../messages/trips';
import { MoreMessages, pageTexts } from './i18n';

const texts = pageTexts(tripsDe, () => import('../messages/trips.en').then((catalog) => catalog.tripsEn));

/** The trips' and the Fahrtenbuch's texts (app/messages/trips.ts). */
export function TripsTexts({ children }: { children: ReactNode }) {
  return <MoreMessages more={texts}>{children}</MoreMessages>;
}
