import { readFileSync } from 'fs';
import { join } from 'path';
import { LIMITS, LIMITS_CONTACT } from '../../core/schemas';

/**
 * Issue 23: the hooks keep their own copies of the backend's text and count limits, because core/schemas (zod)
 * must not reach the mini-program bundle. Until those limits live in a pure core module the client may import,
 * this pins every copy to the backend's value, read from the hook's source (the hooks load Taro, not loadable here).
 */
const COPIES: ReadonlyArray<[file: string, name: string, backend: number]> = [
  ['hooks/use-attendance.ts', 'HOURS_REASON_MAX', LIMITS.hoursReasonMax],
  ['hooks/use-photo-upload.ts', 'PHOTOS_MAX', LIMITS.photosMax],
  ['hooks/use-action-result.ts', 'RESULT_MAX', LIMITS.actionResultMax],
  ['hooks/use-volunteer-event.ts', 'CANCEL_REASON_MAX', LIMITS.cancelReasonMax],
  ['hooks/use-points.ts', 'REWARD_NAME_MAX', LIMITS.rewardNameMax],
  ['hooks/use-contact.ts', 'CONTACT_NAME_MAX', LIMITS_CONTACT.nameMax],
  ['hooks/use-concern-detail.ts', 'REPLY_MAX', LIMITS.replyMax],
  ['hooks/use-concern-detail.ts', 'REASON_MAX', LIMITS.reasonMax],
  ['hooks/use-templates.ts', 'TEMPLATES_MAX', LIMITS.templatesMax],
  ['hooks/use-templates.ts', 'TEMPLATE_MAX', LIMITS.templateMax],
  ['hooks/use-create-event.ts', 'TITLE_MAX', LIMITS.eventTitleMax],
  ['hooks/use-create-event.ts', 'DESCRIPTION_MAX', LIMITS.eventDescriptionMax],
  ['hooks/use-create-event.ts', 'PLACE_MAX', LIMITS.eventPlaceMax],
];

function copied(file: string, name: string): number {
  const source = readFileSync(join(__dirname, '..', file), 'utf8');
  const m = new RegExp(`export const ${name} = ([\\d_]+);`).exec(source);
  if (!m) throw new Error(`${name} not found in src/${file}`);
  return Number(m[1].replace(/_/g, ''));
}

describe('client copies of the backend limits', () => {
  it.each(COPIES)('%s %s is the backend’s', (file, name, backend) => {
    expect(copied(file, name)).toBe(backend);
  });
});
