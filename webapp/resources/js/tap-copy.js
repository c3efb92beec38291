/*
 * The Temporary Access Pass's copy button: shown only when this script runs (without it the pass is plain text that
 * one click selects whole). It copies the pass to the clipboard and says so in a status region; where the browser
 * refuses, it selects the pass instead so the person can copy it themselves.
 */
(function () {
  'use strict';
  var pass = document.getElementById('tap');
  var button = document.getElementById('copy-tap');
  var status = document.getElementById('copy-status');
  if (!pass || !button || !status || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(pass.textContent.trim()).then(function () {
      status.textContent = button.getAttribute('data-done');
    }, function () {
      window.getSelection().selectAllChildren(pass);
      status.textContent = button.getAttribute('data-failed');
    });
  });
})();
