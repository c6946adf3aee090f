/**
 * Issue #5: Backstory in Spanish, end to end, in a Chromium and a Firefox whose own interface is
 * in Spanish (Chromium: --lang=es with LANGUAGE=es, which needs Debian's chromium-l10n; Firefox:
 * intl.locale.requested=es-ES, which needs the firefox-esr-l10n-es-es language pack). The Somos.
 * panel speaks Spanish with the curated pack's Spanish text, and so do its badge and the toolbar popup.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { axeFindings, describeFindings } from '../harness/axe';
import { e2eBrowserKinds, waitForDeep, type LaunchedBrowser } from '../harness/browsers';
import { netflixUrl, SOMOS } from '../fixtures/site/catalog';
import { DETAIL_MODAL, launchInSpanish, openPopupFor, panelPart, tabIdOf, textOf, useBrowser, waitForPanel } from './support';

const somosBadge = `backstory-badge[data-site-id="${SOMOS.id}"]`;

async function text(page: Page, selector: string): Promise<string> {
  return page.$eval(panelPart(selector), (element) => element.textContent ?? '');
}

describe.each(e2eBrowserKinds())('Backstory in Spanish in %s', (kind) => {
  let launched: LaunchedBrowser;
  let page: Page;
  useBrowser(kind, (session) => ({ launched, page } = session), launchInSpanish);

  it('the browser gives the extension Spanish', async () => {
    const helper = await launched.openExtensionPage('/popup.html');
    const language = await helper.evaluate(() => (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage());
    await helper.close();
    expect(language.toLowerCase()).toMatch(/^es/);
  });

  it('shows the Somos. panel in Spanish, with the curated pack\'s Spanish text', async () => {
    await page.goto(netflixUrl.browse(), { waitUntil: 'load' });
    await (await page.waitForSelector(`a[data-uia="standard-card"][href="/browse?jbv=${SOMOS.id}"]`, { visible: true }))!.click();
    await page.waitForSelector(DETAIL_MODAL, { visible: true });
    await waitForPanel(page);

    expect(await text(page, '.brand')).toBe('Historia real');
    expect(await text(page, '.tagline')).toBe('Un drama de Netflix en seis episodios sobre la masacre de Allende de 2011 en México, contada desde la gente del pueblo y no desde el cártel.');
    const source = await text(page, '[data-section="source"]');
    expect(source).toContain('Basada en');
    expect(source).toContain('de Ginger Thompson · ProPublica con National Geographic · junio de 2017');
    expect(source).toContain('Ginger Thompson reconstruye los asesinatos de marzo de 2011 en Allende');
    // The title of the work stays as published.
    expect(source).toContain('“How the U.S. Triggered a Massacre in Mexico”');
    const events = await text(page, '[data-section="events"]');
    expect(events).toContain('Lo que pasó de verdad');
    expect(events).toContain('La masacre de Allende');
    expect(events).toContain('18–20 de marzo de 2011');
    expect(events).toContain('Allende, Coahuila, México');
    expect(events).toContain('Personas asesinadas o desaparecidas');
    expect(events).toContain('26–300');
    const reviews = await text(page, '[data-section="reviews"]');
    expect(reviews).toContain('Lo que dijo la crítica');
    // The critic's words stay as he wrote them.
    expect(reviews).toContain('“this is a show not only about what happened, but who it happened to”');
    expect(reviews).toContain('30 de junio de 2021');
    expect(await text(page, '[data-action="watchlist"]')).toBe('+ Guardar en tu lista');
    const close = await waitForDeep(page, panelPart('[data-action="close"]'));
    expect(await close.evaluate((button) => button.getAttribute('aria-label'))).toBe('Cerrar el panel de la historia real');

    const findings = await axeFindings(page, ['backstory-panel', '[data-backstory="panel"]']);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('the popup speaks Spanish too: this tab\'s show, a search and the empty list, and axe finds nothing', async () => {
    const popup = await openPopupFor(launched, await tabIdOf(launched, 'https://www.netflix.com/*'));
    await popup.waitForSelector('[data-section="current"] [data-show-key="pack:somos"]', { timeout: 10_000 });
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^es/);
    expect(await textOf(popup, '#current-heading')).toBe('En esta pestaña');
    expect(await textOf(popup, '[data-section="current"] .current-show p')).toBe(
      'Un drama de Netflix en seis episodios sobre la masacre de Allende de 2011 en México, contada desde la gente del pueblo y no desde el cártel.',
    );
    expect(await textOf(popup, '[data-action="open-panel"]')).toBe('Mostrar la historia real en la página');
    expect(await textOf(popup, '#search-heading')).toBe('Buscar un título');
    expect(await popup.$eval('[data-field="title-search"]', (input) => input.getAttribute('placeholder'))).toBe('Cualquier título, p. ej. Somos');
    await popup.waitForSelector('[data-section="watchlist"][aria-busy="false"]', { timeout: 10_000 });
    expect(await textOf(popup, '#watchlist-heading')).toBe('Tu lista');
    expect(await textOf(popup, '[data-section="watchlist"] p.muted')).toBe(
      'Todavía no has guardado nada. Usa «Guardar en mi lista» en la historia real de un título o busca un título arriba.',
    );

    await popup.type('[data-field="title-search"]', 'somos');
    const hit = '[data-search-hit][data-show-key="pack:somos"]';
    await popup.waitForSelector(hit, { timeout: 10_000 });
    await popup.waitForSelector('[data-section="search"] ul[aria-busy="false"]', { timeout: 30_000 });
    expect(await textOf(popup, '[data-field="search-status"]')).toMatch(/^(1 título encontrado|\d+ títulos encontrados) para «somos»\.$/);
    expect(await textOf(popup, `${hit} .muted`)).toBe('2021 · Miniserie');
    expect(await textOf(popup, `${hit} [data-action="save-hit"]`)).toBe('Guardar');
    expect(await popup.$eval(`${hit} [data-action="save-hit"]`, (button) => button.getAttribute('aria-label'))).toBe('Guardar Somos. en tu lista');
    const findings = await axeFindings(popup);
    expect(findings, describeFindings(findings)).toEqual([]);
    await popup.close();
    await page.bringToFront();
  });

  it('shields outcomes in Spanish, and axe finds nothing there either', async () => {
    const helper = await launched.openExtensionPage('/popup.html');
    await helper.evaluate(async () => {
      type StorageApi = { storage: { local: { set(items: Record<string, unknown>): Promise<void> } } };
      await (globalThis as unknown as { chrome: StorageApi }).chrome.storage.local.set({ 'settings.spoilerShield': 'outcomes' });
    });
    await helper.close();
    await page.bringToFront();
    const reveal = await waitForDeep(page, panelPart('[data-shield="outcomes"] [data-action="reveal"]'), { visible: true });
    expect(await reveal.evaluate((button) => button.textContent)).toBe('Mostrar lo que pasó');
    expect(await text(page, '[data-section="events"]')).not.toContain('Personas asesinadas o desaparecidas');
    const findings = await axeFindings(page, ['backstory-panel', '[data-backstory="panel"]']);
    expect(findings, describeFindings(findings)).toEqual([]);
  });

  it('badges Somos.\'s card in Spanish', async () => {
    await page.click('[data-uia="previewModal-closebtn"]');
    await page.waitForSelector(DETAIL_MODAL, { hidden: true });
    const button = await waitForDeep(page, `${somosBadge} >>> button`, { visible: true, timeout: 15_000 });
    expect(await button.evaluate((element) => [element.textContent, element.getAttribute('aria-label')])).toEqual(['Historia real', 'Historia real: Somos.']);
    const teaser = await page.$eval(`${somosBadge} >>> #teaser`, (element) => element.textContent);
    expect(teaser).toBe('Hechos de 2011 · basada en «How the U.S. Triggered a Massacre in Mexico» (ProPublica)');
  });
});
