// Forms whose POST the server works on for a while (an import runs in the request): a form
// marked data-progress="<id>" shows that element while it waits, is marked busy, and cannot be
// sent twice; data-busy-text, if given, becomes the button's text meanwhile.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.progress) {
    return;
  }
  var progress = document.getElementById(form.dataset.progress);
  if (progress) {
    progress.hidden = false;
  }
  form.setAttribute('aria-busy', 'true');
  form.querySelectorAll('button[type=submit]').forEach(function (button) {
    button.disabled = true;
    if (form.dataset.busyText) {
      button.textContent = form.dataset.busyText;
    }
  });
});
