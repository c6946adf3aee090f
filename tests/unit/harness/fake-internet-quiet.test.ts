// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeInternet, type FakeInternet } from '../../harness/fake-internet';

describe('waiting for the fake internet to go quiet', () => {
  let internet: FakeInternet;
  const toApi = (request: { host: string }) => request.host === 'api.example';

  beforeAll(async () => {
    internet = await startFakeInternet({ netflix: false, routes: [{ host: 'api.example', path: /.*/, handler: () => ({ status: 200, json: {} }) }] });
  });

  afterAll(async () => {
    await internet?.stop();
  });

  it('waits until the matching requests have stopped for the quiet time', async () => {
    let sent = 0;
    const traffic = setInterval(() => {
      if (sent++ < 5) void internet.fetch(`https://api.example/ask/${sent}`).catch(() => undefined);
    }, 100);
    await internet.waitForRequest(toApi);
    await internet.waitForQuiet(toApi, 400, 10_000);
    clearInterval(traffic);
    const asked = internet.requestsTo('api.example');
    expect(asked).toHaveLength(5);
    expect(Date.now() - asked[asked.length - 1]!.at).toBeGreaterThanOrEqual(400);
  });

  it('fails when the requests never stop within the time allowed', async () => {
    internet.clearRequests();
    const traffic = setInterval(() => void internet.fetch('https://api.example/again').catch(() => undefined), 50);
    await internet.waitForRequest(toApi);
    await expect(internet.waitForQuiet(toApi, 300, 1_000)).rejects.toThrow(/still arriving/);
    clearInterval(traffic);
  });
});
