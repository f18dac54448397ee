import { databaseConfig, openConfiguredDatabase } from '@/server/database';
import { env } from '@/server/env';
import { openDatabase } from './client';
import { readRegion } from './region';
import { seedRegion } from './seed';

/** `tsx db/cli.ts migrate|seed`: the same migrations and seed the app runs, by hand. */
async function main(command: string | undefined) {
  const config = env();
  if (command === 'migrate') {
    const database = await openConfiguredDatabase(config);
    await database.close();
    console.log('Migrations applied.');
    return;
  }
  if (command === 'seed') {
    const database = await openDatabase(databaseConfig(config));
    await database.migrate();
    const region = await readRegion(config.REGION_FILE);
    const result = await seedRegion(database.db, region, { now: new Date(), timeZone: config.TIME_ZONE });
    await database.close();
    console.log(
      `Seeded ${result.municipalities} municipalities, ${result.newVehicles} new vehicles, ${result.users} demo users.`,
    );
    return;
  }
  console.error('usage: tsx db/cli.ts migrate|seed');
  process.exitCode = 2;
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
