import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The fleet area's navigation, to go where a fleet manager would click. */
export const fleetNavigation = (page: Page) =>
  page.getByRole('navigation', { name: 'Bereiche des Fuhrparks' });

export interface StationDraft {
  name: string;
  address: string;
  latitude: string;
  longitude: string;
  chargePoints: string;
  notes: string;
}

/** Types a station into the „Neue Station“ form (without saving: the caller checks the answer). */
export async function fillStationForm(form: Locator, station: StationDraft) {
  await form.getByLabel('Name').fill(station.name);
  await form.getByLabel('Anschrift (optional)').fill(station.address);
  await form.getByLabel('Breitengrad').fill(station.latitude);
  await form.getByLabel('Längengrad').fill(station.longitude);
  await form.getByLabel('Ladepunkte').fill(station.chargePoints);
  await form.getByLabel('Hinweise (Öffnungszeiten, Zugang) (optional)').fill(station.notes);
}

export interface CarDraft {
  plate: string;
  make: string;
  model: string;
  seats: string;
  batteryKwh: string;
  rangeKm: string;
  stationId: string;
}

/** Types an electric car into the „Neues Fahrzeug“ form (without saving). */
export async function fillCarForm(form: Locator, car: CarDraft) {
  await form.getByLabel('Kennzeichen').fill(car.plate);
  await form.getByLabel('Hersteller').fill(car.make);
  await form.getByLabel('Modell').fill(car.model);
  await form.getByLabel('Antrieb').selectOption('ev');
  await form.getByLabel('Sitzplätze').fill(car.seats);
  await form.getByLabel('Batteriekapazität (kWh)').fill(car.batteryKwh);
  await form.getByLabel('Reichweite (km)').fill(car.rangeKm);
  await form.getByLabel('Heimatstation').selectOption(car.stationId);
}

/** Books `plate` from the search page for a day ahead, 09:00–11:00, in the person's municipality. */
export async function bookFromSearch(
  page: Page,
  booking: { day: string; municipality: string; plate: string; purpose: string },
) {
  await page.goto('/');
  await page.getByLabel('Von (Datum)').fill(booking.day);
  await page.getByLabel('Von (Uhrzeit)').fill('09:00');
  await page.getByLabel('Bis (Datum)').fill(booking.day);
  await page.getByLabel('Bis (Uhrzeit)').fill('11:00');
  await page.getByLabel('Ort').selectOption({ label: `Alle Stationen: ${booking.municipality}` });
  await page.getByRole('button', { name: 'Suchen' }).click();
  const offer = page.locator(`li[data-plate="${booking.plate}"]`);
  await offer.getByRole('button', { name: /buchen$/ }).click();
  await offer.getByLabel('Zweck der Fahrt').fill(booking.purpose);
  await offer.getByRole('button', { name: 'Verbindlich buchen' }).click();
  const booked = page.getByRole('status').filter({ hasText: 'Gebucht:' });
  await expect(booked).toBeFocused();
  return booked;
}

/** Opens the retirement of `plate` from `day` on the vehicles page and asks for its preview; returns the panel. */
export async function previewRetirement(manager: Page, plate: string, day: string) {
  await manager.goto('/fuhrpark/fahrzeuge');
  await manager.getByRole('button', { name: `Außer Dienst stellen: ${plate}` }).click();
  const panel = manager.getByRole('form', { name: `${plate} außer Dienst stellen` });
  await expect(panel.getByRole('heading', { name: `${plate} außer Dienst stellen` })).toBeFocused();
  await panel.getByLabel('Außer Dienst ab (Datum)').fill(day);
  await panel.getByRole('button', { name: 'Auswirkungen prüfen' }).click();
  return panel;
}

/** Confirms the previewed retirement; the page's answer says what moved and what was cancelled. */
export async function confirmRetirement(manager: Page, panel: Locator, plate: string) {
  await panel
    .getByRole('button', { name: 'Bestätigen: umbuchen bzw. stornieren und außer Dienst stellen' })
    .click();
  return expect(manager.getByRole('status')).toContainText(`${plate} ist außer Dienst gestellt.`);
}
