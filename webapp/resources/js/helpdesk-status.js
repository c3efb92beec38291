/*
 * Keeps a helpdesk request page current without reloading it: asks /helpdesk/status (same origin, the agent's own
 * session, a GET that changes nothing) every few seconds and writes the answer into the page, where the status line
 * is an aria-live region so screen readers announce a change. It stops after data-poll-for-ms (the staff session's
 * idle timeout: polling alone must not keep an unattended session alive) or once nothing more can change. Its words
 * come from the page (data-*-text, from the messages bundle in the agent's language), never from this file.
 */
(function () {
  'use strict';
  var live = document.getElementById('live');
  if (!live || !window.fetch) {
    return;
  }
  var url = live.getAttribute('data-status-url');
  var every = parseInt(live.getAttribute('data-poll-ms'), 10) || 3000;
  var until = Date.now() + (parseInt(live.getAttribute('data-poll-for-ms'), 10) || 900000);

  function setText(id, value) {
    var el = document.getElementById(id);
    // only when it changed: a live region announces every write
    if (el && el.textContent !== value) {
      el.textContent = value;
    }
  }

  function showStages(stages) {
    var list = document.getElementById('stages');
    if (!list) {
      return;
    }
    var wanted = stages.map(function (s) { return s.label + ': ' + s.at; }).join('\n');
    var current = Array.prototype.map.call(list.children, function (li) { return li.textContent; }).join('\n');
    if (wanted === current) {
      return;
    }
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    stages.forEach(function (s) {
      var li = document.createElement('li');
      li.id = 'stage-' + s.status;
      li.textContent = s.label + ': ' + s.at;
      list.appendChild(li);
    });
  }

  function show(s) {
    setText('status', s.text);
    setText('next-step', s.next);
    showStages(s.stages || []);
    setText('reset-status', s.reset || '');
    var box = document.getElementById('reset-box');
    if (box) {
      box.classList.toggle('is-hidden', !s.canSendResetLink);
    }
  }

  function stop(why) {
    var note = document.getElementById('live-note');
    if (note && why) {
      var p = document.createElement('p');
      p.id = 'live-stopped';
      p.className = 'hint';
      p.textContent = why;
      note.parentNode.insertBefore(p, note.nextSibling);
    }
  }

  function poll() {
    if (Date.now() > until) {
      stop(live.getAttribute('data-stopped-text'));
      return;
    }
    fetch(url, { credentials: 'same-origin', cache: 'no-store', redirect: 'error', headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (r.status === 404) {
          throw new Error('gone');
        }
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (s) {
        show(s);
        if (s.final && !s.canSendResetLink) {
          return; // Failed, expired, or reset done: nothing more will change here
        }
        window.setTimeout(poll, every);
      })
      .catch(function (e) {
        if (e && e.message === 'gone') {
          stop(live.getAttribute('data-ended-text'));
          return;
        }
        window.setTimeout(poll, every * 2); // a network hiccup: try again, a little later
      });
  }

  window.setTimeout(poll, every);
}());
