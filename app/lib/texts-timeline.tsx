'use client';
import type { ReactNode } from 'react';
import { timelinePageDe } from '../messages/timeline';
import { MoreMessages, pageTexts } from './i18n';

const texts = pageTexts(timelinePageDe, () =>
  import('../messages/timeline.en').then((catalog) => catalog.timelinePageEn),
);

/** The timeline's texts (app/messages/timeline.ts). */
export function TimelineTexts({ children }: { children: ReactNode }) {
  return <MoreMessages more={texts}>{children}</MoreMessages>;
}
