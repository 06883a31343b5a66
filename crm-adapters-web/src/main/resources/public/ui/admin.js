// The administration pages: a form marked data-progress="<id>" shows that element while the
// server works on it (a postal-code import runs in the request) and cannot be sent twice.
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
  });
});
