import type { Locator } from '@playwright/test';
import sharp from 'sharp';

// mapbox-gl draws nothing without a valid token yet reports itself loaded, and a map that drew
// nothing passes every check of state: the map tests read the canvas's pixels from screenshots.
// Shared by the search's map (map.spec.ts) and the station form's position picker (station-map.spec.ts).

export type Rgb = readonly [number, number, number];

/** The offline style's background (app/(staff)/_map/map-canvas.tsx) and a colour no style uses. */
export const OFFLINE_LAND: Rgb = [0xe4, 0xec, 0xdf];
const SHOW_THROUGH = '#ff00ff';

export const close = (a: Rgb, b: Rgb, tolerance = 8) =>
  a.every((c, i) => Math.abs(c - (b[i] ?? 0)) <= tolerance);

/**
 * The canvas's pixels as the screen shows them; with `alone`, markers and labels hidden and the
 * container behind the canvas in magenta. Set as style attributes: the page's policy refuses the
 * style element Playwright's own `style` option would add.
 */
export async function pixelsOf(canvas: Locator, alone = false) {
  const hide = (on: boolean) =>
    canvas.evaluate(
      (element, [on, showThrough]) => {
        const container = element.closest<HTMLElement>('.map-canvas');
        container?.style.setProperty('background', on ? showThrough : '');
        for (const item of container?.querySelectorAll<HTMLElement>('.map-marker, .map-municipality') ?? [])
          item.style.visibility = on ? 'hidden' : '';
      },
      [on, SHOW_THROUGH] as const,
    );
  if (alone) await hide(true);
  const png = await canvas.screenshot({ animations: 'disabled' });
  if (alone) await hide(false);
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  // Screenshots are in device pixels (a phone has more than one per CSS pixel), boxes in CSS pixels.
  const scale = info.width / ((await canvas.boundingBox())?.width ?? info.width);
  const at = (x: number, y: number): Rgb => {
    const i = (Math.round(y * scale) * info.width + Math.round(x * scale)) * 3;
    return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
  };
  const share = (colour: Rgb) => {
    let n = 0;
    for (let i = 0; i < data.length; i += 3)
      if (close([data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0], colour)) n++;
    return n / (info.width * info.height);
  };
  const distinct = new Set<number>();
  for (let i = 0; i < data.length; i += 3)
    distinct.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
  return { at, share, distinct: distinct.size, width: info.width, height: info.height };
}

/** Where a marker's centre is on the canvas, in CSS pixels. */
export async function centreOn(canvas: Locator, marker: Locator) {
  const [c, m] = await Promise.all([canvas.boundingBox(), marker.boundingBox()]);
  if (!c || !m) throw new Error('canvas or marker not laid out');
  return { x: m.x + m.width / 2 - c.x, y: m.y + m.height / 2 - c.y };
}
