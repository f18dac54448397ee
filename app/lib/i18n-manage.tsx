'use client';
import type { ReactNode } from 'react';
import { deManage, type ManageMessages } from '../messages/de-manage';
import { MoreMessages } from './i18n';
import type { Language } from './language';

let englishLoading: Promise<ManageMessages> | undefined;
const manageTexts = (language: Language): ManageMessages | Promise<ManageMessages> => {
  if (language !== 'en') return deManage;
  englishLoading ??= import('../messages/en-manage').then((catalog) => catalog.enManage);
  return englishLoading;
};

/** The fleet pages' own texts, which only these pages bring to the browser (booking pages do not carry them). */
export function FleetPageMessages({ children }: { children: ReactNode }) {
  return <MoreMessages more={manageTexts}>{children}</MoreMessages>;
}
