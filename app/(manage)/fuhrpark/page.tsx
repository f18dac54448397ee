import { redirect } from 'next/navigation';

/** The fleet area opens on what waits for a decision. */
export default function FleetHome() {
  redirect('/fuhrpark/freigaben');
}
