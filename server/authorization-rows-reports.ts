/** The authorization matrix's rows of the reports and privacy procedures (one table: authorization-rows.ts). */
import { randomUUID } from 'node:crypto';
import {
  ids,
  managedList,
  managersOfA,
  none,
  noSession,
  noStaff,
  type Row,
  signedIn,
} from './authorization-presets';

export const reportRows: Record<string, Row> = {
  // Privacy: one's own trips and who looked at them; a person's trips only to who manages them, with a reason.
  'privacy.myTrips': { input: none, expect: signedIn },
  'privacy.myLookups': { input: none, expect: signedIn },
  'privacy.people': {
    input: none,
    shows: (answer, w) => ids(answer).includes(w.users.staffOwn?.id ?? ''),
    expect: managedList,
  },
  'privacy.lookUpTrips': {
    input: (w) => ({
      userId: w.users.staffOwn?.id ?? '',
      purpose: 'damage',
      reason: 'Kratzer an der Heckklappe gemeldet',
      from: '2026-10-01',
      to: '2026-11-01',
    }),
    missing: () => ({
      userId: randomUUID(),
      purpose: 'damage',
      reason: 'Kratzer an der Heckklappe gemeldet',
      from: '2026-10-01',
      to: '2026-11-01',
    }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'PERSON_NOT_FOUND', operator: 'ok' },
  },

  // Reports: fleet managers and the operator; a foreign manager never sees A's cars one by one.
  'reports.figures': {
    input: (w) => ({
      from: '2026-10-01',
      to: '2026-11-01',
      groupBy: 'vehicle',
      municipalityId: w.municipalityId,
    }),
    expect: managersOfA,
  },
  // One car's heatmap: like the figures by car, only A's managers and the operator.
  'reports.heatmap': {
    input: (w) => ({ from: '2026-10-01', to: '2026-11-01', vehicleId: w.car.id }),
    expect: managersOfA,
  },
  // Every manager sizes the region; stations in detail only their own (sizing.test.ts).
  'reports.sizing': {
    input: () => ({ from: '2026-10-01', to: '2026-11-01' }),
    shows: (answer, w) =>
      (answer as { stations: { municipalityId: string | null }[] }).stations.some(
        (row) => row.municipalityId === w.municipalityId,
      ),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'hidden', operator: 'ok' },
  },
  'reports.settlement': {
    input: () => ({ month: '2026-10-01' }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'ok', operator: 'ok' },
  },
  // A month not yet over: the operator reaches the rule without freezing a real month region-wide.
  'reports.freezeMonth': {
    input: () => ({ month: '2099-01-01' }),
    expect: {
      ...noSession,
      ...noStaff,
      fleetOwn: 'FORBIDDEN_ROLE',
      fleetOther: 'FORBIDDEN_ROLE',
      operator: 'SETTLEMENT_MONTH_OPEN',
    },
  },
  'reports.setTariff': {
    input: (w) => ({ municipalityId: w.municipalityId, validFrom: '2026-01-01', perHour: 4, perKm: 0.3 }),
    expect: managersOfA,
  },
  'reports.setVehicleCosts': {
    input: (w) => ({
      vehicleId: w.car.id,
      validFrom: '2026-01-01',
      commissionedOn: '2026-01-01',
      retiredOn: null,
      leasingMonthly: 200,
      insuranceMonthly: 50,
      taxMonthly: 10,
      boxFeeMonthly: 20,
      otherMonthly: 30,
      perKm: 0.1,
      perKwh: 0.3,
      perLitre: 0,
    }),
    expect: managersOfA,
  },
  // Region-wide factors from a date long past, so no other test's figures change.
  'reports.setCo2Factors': {
    input: () => ({ validFrom: '1990-01-01', referenceGPerKm: 150, electricityGPerKm: 50 }),
    expect: {
      ...noSession,
      ...noStaff,
      fleetOwn: 'FORBIDDEN_ROLE',
      fleetOther: 'FORBIDDEN_ROLE',
      operator: 'ok',
    },
  },
  // A municipality's accounting and invoice data: read and set by whoever manages it.
  'reports.accounting': {
    input: (w) => ({ municipalityId: w.municipalityId }),
    expect: managersOfA,
  },
  'reports.setAccounting': {
    input: (w) => ({
      municipalityId: w.municipalityId,
      costCentre: 'KST-TEST',
      expenseAccount: '4711',
      revenueAccount: '3411',
      legalName: 'Testgemeinde',
      street: 'Markt 1',
      postalCode: '04821',
      city: 'Brandis',
      countryCode: 'DE',
      leitwegId: '04011000-1234512345-06',
      vatId: null,
      taxNumber: '231/114/00001',
      iban: 'DE89370400440532013000',
      bic: null,
      contactName: 'Kämmerei',
      contactPhone: '+49 34292 0',
      contactEmail: 'kaemmerei@test.example',
    }),
    expect: managersOfA,
  },
  // Reading the cost model (reports/rates.ts): a car's rates are its municipality's business; a
  // tariff is what the other municipalities pay, so every manager reads every one.
  'reports.vehicleCosts': {
    input: (w) => ({ vehicleId: w.car.id }),
    missing: () => ({ vehicleId: randomUUID() }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'VEHICLE_NOT_FOUND', operator: 'ok' },
  },
  'reports.tariffs': {
    input: (w) => ({ municipalityId: w.municipalityId }),
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'ok', operator: 'ok' },
  },
  'reports.co2Factors': {
    input: none,
    expect: { ...noSession, ...noStaff, fleetOwn: 'ok', fleetOther: 'ok', operator: 'ok' },
  },
  'reports.rateHistory': {
    input: (w) => ({ municipalityId: w.municipalityId }),
    expect: managersOfA,
  },
};
