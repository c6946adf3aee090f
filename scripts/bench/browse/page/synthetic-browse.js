/*
 * Backstory bench: the synthetic browse page's bursts (served by scripts/bench/browse/synthetic-page.ts
 * after the fake site's common.js and browse.js). Netflix adds carousel rows at the bottom of /browse
 * as one scrolls; window.__backstoryBench.burst() does the same with the next BURST rows of the
 * catalog's benchBursts: one DOM insertion of 4 rows of 50 cards before the loading placeholder, then
 * a scroll that brings the first new row into view. Card markup: the same as browse.js's card().
 * Every burst leaves a performance mark ("backstory-bench:burst:<n>") the trace analysis uses.
 *
 * watchBadges() is the badge stopwatch (only called in the badge runs, never while tracing): an
 * IntersectionObserver notes when each watched card first becomes visible (the entry's time, i.e.
 * the rendering update that found it in view), a MutationObserver when a Backstory badge
 * (<backstory-badge data-show-key data-site-id>, inside the card's div[data-virtual-slot]) is
 * inserted, and a per-frame check when that badge's button (in its open shadow root) first has a
 * layout box ("showing").
 * All times are the page's performance.now().
 */
(function () {
  'use strict';

  var N = window.FakeNetflix;
  var esc = N.esc;
  var noise = N.noise;
  var bursts = N.catalog.benchBursts || [];
  var done = 0;

  function rankSvg(rank) {
    var path = rank === 1 ? 'M50 20 L80 10 V140 H50 Z' : 'M20 30 C20 0 80 0 80 40 C80 70 40 90 40 115 H80 V140 H10 C10 90 55 80 55 45 C55 25 35 25 35 40 Z';
    return (
      '<svg width="85" height="148" viewBox="0 0 85 148" fill="none" opacity="0.6" preserveAspectRatio="xMaxYMid meet" class="' + noise('rank') + '">' +
      '<path fill-rule="evenodd" d="' + path + '" fill="#e5e5e5" stroke="#595959" stroke-width="3"></path></svg>'
    );
  }

  function card(kind, t, slot, rank) {
    var label = ' aria-label="' + esc(t.title) + '"';
    var href = ' href="/browse?jbv=' + esc(t.id) + '"';
    var imgClass = kind === 'ranked-card' ? 'ranked-card tracked-card' : 'standard-card tracked-card';
    var inner =
      (kind === 'ranked-card' ? '<div class="' + noise('rankwrap') + '">' + rankSvg(rank) + '</div>' : '') +
      '<div class="' + noise('imgwrap' + kind) + ' ' + N.emotion(kind) + '"><img src="' + N.art('card', t.id) + '" alt="" class="' + imgClass + ' ' + noise('img' + kind) + '"></div>';
    return (
      '<div data-virtual-slot="' + slot + '" class="' + noise('slot') + '">' +
      '<a' + href + ' tabindex="0"' + label + ' data-uia="' + kind + '" class="' + noise(kind) + '">' + inner + '</a>' +
      '</div>'
    );
  }

  function row(r, data) {
    var cards = data.ids
      .map(function (id, i) {
        var t = N.byId[id];
        return t ? card(data.card, t, i, i + 1) : '';
      })
      .join('');
    return (
      '<section class="carousel-row ' + noise('row') + '" aria-labelledby="row-title-' + r + '" data-row-index="' + r + '">' +
      '<div class="' + noise('rowhead') + '"><h2 class="' + noise('rowh2') + '"><p id="row-title-' + r + '" class="' + noise('rowp') + '">' + esc(data.title) + '</p></h2></div>' +
      '<div data-uia="carousel-scroller" class="' + noise('scroller') + '">' + cards + '</div>' +
      '</section>'
    );
  }

  function rowCount() {
    return document.querySelectorAll('section.carousel-row[data-row-index]').length;
  }

  var BADGE = 'backstory-badge';
  var SLOT = 'div[data-virtual-slot]';
  var watch = null;

  function watchBadges(ids, maxRow) {
    if (watch) watch.stop();
    var entries = [];
    var bySlot = new Map();
    ids.forEach(function (id) {
      document.querySelectorAll('a[data-uia$="-card"][href="/browse?jbv=' + id + '"]').forEach(function (link) {
        var section = link.closest('section[data-row-index]');
        var row = section ? Number(section.getAttribute('data-row-index')) : -1;
        var slot = link.closest(SLOT);
        if (!slot || row < 0 || row > maxRow) return;
        var entry = {
          id: id,
          row: row,
          slot: Number(slot.getAttribute('data-virtual-slot')),
          armedAt: performance.now(),
          visibleAt: null,
          visibleAtArm: false,
          badgeInsertedAt: null,
          badgeShownAt: null,
          showKey: null,
          siteId: null,
          badges: 0,
          slotElement: slot,
          badgeElement: null,
        };
        entries.push(entry);
        bySlot.set(slot, entry);
      });
    });

    function noteBadge(badge, now) {
      var slot = badge.closest(SLOT);
      var entry = slot && bySlot.get(slot);
      if (!entry) return;
      entry.badges = slot.querySelectorAll(BADGE).length;
      if (entry.badgeInsertedAt === null) {
        entry.badgeInsertedAt = now;
        entry.showKey = badge.getAttribute('data-show-key');
        entry.siteId = badge.getAttribute('data-site-id');
        entry.badgeElement = badge;
      }
    }

    // Badges already there when the watch starts (e.g. put on off-screen cards early).
    entries.forEach(function (entry) {
      var badge = entry.slotElement.querySelector(BADGE);
      if (badge) noteBadge(badge, entry.armedAt);
    });

    var mutations = new MutationObserver(function (records) {
      var now = performance.now();
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType !== 1) return;
          if (node.matches(BADGE)) noteBadge(node, now);
          else node.querySelectorAll(BADGE).forEach(function (badge) { noteBadge(badge, now); });
        });
      });
    });
    mutations.observe(document.documentElement, { childList: true, subtree: true });

    var first = true;
    var visibility = new IntersectionObserver(function (changes) {
      changes.forEach(function (change) {
        var entry = bySlot.get(change.target);
        if (!entry || !change.isIntersecting || entry.visibleAt !== null) return;
        entry.visibleAt = change.time;
        // Visible in the observer's first report: it was in view before the watch began.
        entry.visibleAtArm = first;
      });
      first = false;
    });
    bySlot.forEach(function (entry, slot) { visibility.observe(slot); });

    var stopped = false;
    function frame(now) {
      if (stopped) return;
      entries.forEach(function (entry) {
        if (entry.badgeInsertedAt === null || entry.badgeShownAt !== null) return;
        var badge = entry.badgeElement;
        if (!badge || !badge.isConnected) return;
        // The host is a zero-size box that positions its button: what shows is the button.
        var shown = (badge.shadowRoot && badge.shadowRoot.querySelector('button')) || badge;
        var box = shown.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) entry.badgeShownAt = Math.max(now, entry.badgeInsertedAt);
      });
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);

    watch = {
      entries: entries,
      stop: function () {
        stopped = true;
        mutations.disconnect();
        visibility.disconnect();
      },
    };
    return entries.length;
  }

  /** The watch's entries, plain (no elements). */
  function badgeResults() {
    if (!watch) return [];
    return watch.entries.map(function (e) {
      return {
        id: e.id,
        row: e.row,
        slot: e.slot,
        visibleAt: e.visibleAt,
        visibleAtArm: e.visibleAtArm,
        badgeInsertedAt: e.badgeInsertedAt,
        badgeShownAt: e.badgeShownAt,
        showKey: e.showKey,
        siteId: e.siteId,
        badges: e.badges,
      };
    });
  }

  window.__backstoryBench = {
    watchBadges: watchBadges,
    badgeResults: badgeResults,
    stopWatchingBadges: function () {
      if (watch) watch.stop();
    },
    /** Brings a row to the middle of the viewport at once (no smooth scrolling). */
    scrollToRow: function (row) {
      var section = document.querySelector('section.carousel-row[data-row-index="' + row + '"]');
      if (!section) return false;
      section.scrollIntoView({ block: 'center', behavior: 'instant' });
      return true;
    },
    /** Badges anywhere on the page. */
    badgeCount: function () {
      return document.querySelectorAll(BADGE).length;
    },
    /** Cards on the page (2026 carousel cards). */
    cardCount: function () {
      return document.querySelectorAll('a[data-uia$="-card"][href*="jbv="]').length;
    },
    rowCount: rowCount,
    burstsLeft: function () {
      return bursts.length - done;
    },
    /** Appends the next burst's rows and scrolls to them; returns the cards added (0: no data left). */
    burst: function () {
      var data = bursts[done];
      if (!data) return 0;
      done++;
      performance.mark('backstory-bench:burst:' + done);
      var first = rowCount();
      var html = data
        .map(function (d, i) {
          return row(first + i, d);
        })
        .join('');
      // Before the loading placeholder while Netflix shows one, else after the last row.
      var placeholder = document.getElementById('place-holder-carousel');
      var rows = document.querySelectorAll('section.carousel-row:not(#place-holder-carousel)');
      if (placeholder) placeholder.insertAdjacentHTML('beforebegin', html);
      else rows[rows.length - 1].insertAdjacentHTML('afterend', html);
      var firstNew = document.querySelector('section.carousel-row[data-row-index="' + first + '"]');
      if (firstNew) firstNew.scrollIntoView({ block: 'start', behavior: 'instant' });
      return data.reduce(function (sum, d) {
        return sum + d.ids.length;
      }, 0);
    },
  };
})();
