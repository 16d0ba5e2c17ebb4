/**
 * `me/profile` tells the mini program which subscribe templates the server sends with (issue 15): on
 * CloudBase the ids of JIEFANG_WX_TEMPLATES (staff: the to-do template, residents: the progress one); where
 * none are configured (locally, or a deployment without templates) it names none, and the client keeps
 * its build-time ids.
 */
import { loadCloudConfig } from './cloud-config';
import { createCloudRuntime } from './cloud-runtime';
import { DEMO_IDENTITIES as I } from './demo-data';
import { createLocalRuntime } from './local-runtime';
import { useCloudFunctions } from './test-cloud-function';
import { testClock } from './test-clock';
import { subscribeTemplateIdsOf, TEMPLATE_KEYS } from './wechat-subscribe-sender';

const cloud = useCloudFunctions();
const templates = Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, { id: `tmpl-${k}`, data: {} }]));

it('names the configured template ids on CloudBase, the to-do one for staff and the progress one for residents', async () => {
  const clock = testClock('2026-12-05T00:00:00.000Z');
  const rt = createCloudRuntime(loadCloudConfig({ ...process.env, JIEFANG_WX_TEMPLATES: JSON.stringify(templates) }), cloud.app(), clock.now);
  const expected = { resident: ['tmpl-concern_progress'], staff: ['tmpl-concern_todo'] };
  expect(subscribeTemplateIdsOf(loadCloudConfig({ ...process.env, JIEFANG_WX_TEMPLATES: JSON.stringify(templates) }).JIEFANG_WX_TEMPLATES!)).toEqual(expected);
  expect(await rt.router.call('concern', 'me/profile', {}, I.daguoChair)).toMatchObject({ subscribeTemplates: expected });
  expect(await rt.router.call('concern', 'me/profile', {}, I.resident)).toMatchObject({ subscribeTemplates: expected });
});

it('names none where no templates are configured', async () => {
  const clock = testClock('2026-12-05T00:00:00.000Z');
  const rt = createCloudRuntime(loadCloudConfig(process.env), cloud.app(), clock.now);
  expect(await rt.router.call('concern', 'me/profile', {}, I.daguoChair)).not.toHaveProperty('subscribeTemplates');
  const local = createLocalRuntime({ dbPath: ':memory:', seed: 'demo', now: clock.now });
  expect(await local.router.call('concern', 'me/profile', {}, I.daguoChair)).not.toHaveProperty('subscribeTemplates');
  await local.close();
});
