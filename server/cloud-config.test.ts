import { loadCloudConfig } from './cloud-config';

const templates = JSON.stringify({
  concern_todo: { id: 't1', data: { thing1: 'title' } },
  concern_progress: { id: 't2', data: { thing1: 'body', time2: 'createdAt' } },
  team_review: { id: 't3', data: { thing1: 'body' } },
  volunteer_event: { id: 't4', data: { thing1: 'title', time2: 'createdAt' } },
});

const APP = { JIEFANG_WX_APPID: 'wx0123456789abcdef', JIEFANG_CODE_SECRET: 'test-code-secret-0123456789abcdef' };

describe('the cloud configuration', () => {
  it('takes the environment from TCB_ENV, else from SCF_NAMESPACE, and treats empty values as unset', () => {
    expect(loadCloudConfig({ ...APP, TCB_ENV: 'env-a', JIEFANG_MINIPROGRAM_STATE: '', JIEFANG_WX_TEMPLATES: '' })).toMatchObject({ envId: 'env-a', JIEFANG_MINIPROGRAM_STATE: 'formal', JIEFANG_COLLECTION_PREFIX: '' });
    expect(loadCloudConfig({ ...APP, SCF_NAMESPACE: 'env-b' }).envId).toBe('env-b');
  });

  it('reads the subscribe-message templates as JSON', () => {
    expect(loadCloudConfig({ ...APP, TCB_ENV: 'e', JIEFANG_WX_TEMPLATES: templates }).JIEFANG_WX_TEMPLATES?.concern_progress.data).toEqual({ thing1: 'body', time2: 'createdAt' });
  });

  it.each([
    [{}, 'TCB_ENV'],
    [{ TCB_ENV: 'e' }, 'JIEFANG_WX_APPID: Required'],
    [{ TCB_ENV: 'e', JIEFANG_WX_APPID: 'wx-demo-app' }, 'JIEFANG_WX_APPID: must be the mini program AppID'],
    [{ TCB_ENV: 'e', JIEFANG_WX_APPID: 'wx0123456789abcdef' }, 'JIEFANG_CODE_SECRET: Required'],
    [{ ...APP, TCB_ENV: 'e', JIEFANG_CODE_SECRET: 'short' }, 'JIEFANG_CODE_SECRET: must be 32 characters or more'],
    [{ ...APP, TCB_ENV: 'e', JIEFANG_WX_ORIGINAL_ID: 'wx0123' }, 'JIEFANG_WX_ORIGINAL_ID'],
    [{ ...APP, TCB_ENV: 'e', JIEFANG_WX_TEMPLATES: '{not json' }, 'JIEFANG_WX_TEMPLATES: must be JSON'],
    [{ ...APP, TCB_ENV: 'e', JIEFANG_WX_TEMPLATES: '{"concern_todo":{"id":"x","data":{}}}' }, 'JIEFANG_WX_TEMPLATES'],
    [{ ...APP, TCB_ENV: 'e', JIEFANG_MINIPROGRAM_STATE: 'beta' }, 'JIEFANG_MINIPROGRAM_STATE'],
    [{ ...APP, TCB_ENV: 'e', JIEFANG_COLLECTION_PREFIX: 'Bad-' }, 'JIEFANG_COLLECTION_PREFIX'],
  ])('refuses %j, naming %s', (env, words) => {
    expect(() => loadCloudConfig(env as Record<string, string>)).toThrow(words);
  });
});
