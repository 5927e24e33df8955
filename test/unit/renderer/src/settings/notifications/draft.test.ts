import { describe, expect, it } from 'vitest';
import { NotifyConfig, type NotifyConfigView } from '../../../../../../shared/contract/notify';
import { defaultNotifyConfig } from '../../../../../../shared/domain/notify/defaults';
import {
  candidateFromDraft,
  draftFromConfig,
  isDirty,
  newChat,
  newWebhook,
  secretsFromDraft,
} from '../../../../../../renderer/src/settings/notifications/draft';

const config: NotifyConfig = {
  ...defaultNotifyConfig,
  telegram: {
    ...defaultNotifyConfig.telegram,
    enabled: true,
    chats: [
      {
        chatId: '-1001',
        name: 'NOC',
        language: 'pt-BR',
        severities: ['critical'],
        towerIds: null,
        recoveries: true,
        commands: true,
      },
    ],
  },
  webhooks: [
    {
      id: 'erp',
      name: 'ERP',
      url: 'http://127.0.0.1:9/hook',
      language: 'en',
      severities: ['critical', 'major'],
      towerIds: [3],
      recoveries: false,
    },
  ],
};

const view: NotifyConfigView = {
  config,
  telegramToken: { set: true, hint: '…abcd' },
  webhookSecrets: { erp: { set: true, hint: '…wxyz' }, gone: { set: true, hint: '…0000' } },
};

describe('notification settings draft', () => {
  it('goes back to the same config when nothing was edited', () => {
    const draft = draftFromConfig(config);
    expect(NotifyConfig.parse(candidateFromDraft(draft))).toEqual(config);
    expect(isDirty(draft, draftFromConfig(config))).toBe(false);
  });

  it('sends an empty number as missing and an empty Bot API URL as none', () => {
    const draft = draftFromConfig(config);
    draft.groupWindowS = '';
    draft.telegram.apiRoot = '  ';
    const candidate = candidateFromDraft(draft) as { groupWindowS?: number; telegram: { apiRoot: unknown } };
    expect(candidate.groupWindowS).toBeUndefined();
    expect(candidate.telegram.apiRoot).toBeNull();
    expect(NotifyConfig.safeParse(candidate).success).toBe(false);
  });

  it('starts new chats and webhooks in the workstation language', () => {
    expect(newChat('en')).toMatchObject({ language: 'en', chatId: '', severities: ['critical', 'major'] });
    expect(newWebhook('pt-BR')).toMatchObject({ language: 'pt-BR', originalId: null, secret: '' });
    expect(newChat('en').key).not.toBe(newChat('en').key);
  });

  it('sends only secrets typed or removed, and removes those of deleted webhooks', () => {
    const draft = draftFromConfig(config);
    expect(secretsFromDraft(draft, view)).toEqual({ webhookSecrets: { gone: null } });
    draft.telegram.token = ' 123:token ';
    draft.webhooks[0]!.secret = 's3cret';
    expect(secretsFromDraft(draft, view)).toEqual({
      telegramToken: '123:token',
      webhookSecrets: { gone: null, erp: 's3cret' },
    });
    draft.telegram.token = '';
    draft.telegram.removeToken = true;
    draft.webhooks[0]!.secret = '';
    draft.webhooks[0]!.removeSecret = true;
    expect(secretsFromDraft(draft, view)).toEqual({
      telegramToken: null,
      webhookSecrets: { gone: null, erp: null },
    });
    expect(isDirty(draft, draftFromConfig(config))).toBe(true);
  });
});
