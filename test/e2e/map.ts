/** How the browser tests tap the report page's drawn town map (H5): through the page's own projection. */
import type { Page } from 'playwright-core';
import { projection, svgToClient, type Bounds, type ViewBox } from '../../src/services/map-projection';

const SVG = 'svg.grid-map__svg >> visible=true';

/** The map's bounds, its current viewBox and where it sits on screen. */
export async function mapState(page: Page): Promise<{ bounds: Bounds; view: ViewBox; rect: { left: number; top: number; width: number; height: number } }> {
  const svg = page.locator(SVG).first();
  await svg.waitFor();
  const [bounds, box] = await svg.evaluate((el) => [el.getAttribute('data-bounds') ?? '', el.getAttribute('viewBox') ?? ''] as const);
  const [x, y, w, h] = box.split(' ').map(Number);
  const r = (await svg.boundingBox())!;
  return { bounds: bounds.split(',').map(Number) as Bounds, view: { x, y, w, h }, rect: { left: r.x, top: r.y, width: r.width, height: r.height } };
}

/** Taps the map where (lat, lng) is drawn, scrolling it into view first. */
export async function tapMap(page: Page, lat: number, lng: number): Promise<void> {
  await page.locator(SVG).first().scrollIntoViewIfNeeded();
  const { bounds, view, rect } = await mapState(page);
  const [x, y] = projection(bounds).toXY(lng, lat);
  const [cx, cy] = svgToClient(view, rect, x, y);
  await page.mouse.click(cx, cy);
}
