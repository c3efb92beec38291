/*
 * The recovery page's waiting states (a review, a reset being finished or checked) look again by themselves, without
 * a timed <meta> refresh (WCAG 2.2.1: a page must not reload on a timer the person cannot stop): every few seconds it
 * reads the same page (same origin, the person's own cookies, a GET that changes nothing) and only when the answer is
 * no longer this waiting state does it load that answer. Without scripts the <noscript> refresh does the same.
 */
(function () {
  'use strict';
  var wait = document.getElementById('wait');
  if (!wait || !window.fetch || !window.DOMParser) {
    return;
  }
  var view = wait.getAttribute('data-view');
  var every = parseInt(wait.getAttribute('data-wait-ms'), 10) || 10000;

  function look() {
    fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('wait');
        if (next && next.getAttribute('data-view') === view) {
          window.setTimeout(look, every);
        } else {
          window.location.replace(window.location.pathname);
        }
      })
      .catch(function () { window.setTimeout(look, every); });
  }
  window.setTimeout(look, every);
})();
