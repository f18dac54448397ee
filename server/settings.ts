import { readRegion } from '@/db/region';
import { env } from './env';
import { type MapSettings, mapSettings } from './http/security-headers';
import { processSingleton } from './singleton';

/** The deployment's settings a request may need, read once a process and carried in the context. */
export interface Settings {
  /** IANA zone of the region's wall clocks (env TIME_ZONE). */
  timeZone: string;
  /** Public base URL of the app (env APP_URL). */
  appUrl: string;
  /** From the region file: the product's and the operator's names. */
  productName: string;
  operatorName: string;
  /** How the search page's map draws (env MAPBOX_TOKEN, MAP_STYLE_URL). */
  map: MapSettings;
}

export const settings = (): Promise<Settings> =>
  processSingleton('settings', async () => {
    const config = env();
    const region = await readRegion(config.REGION_FILE);
    return {
      timeZone: config.TIME_ZONE,
      appUrl: config.APP_URL,
      productName: region.productName,
      operatorName: region.operatorName,
      map: mapSettings(config),
    };
  });
