// The OCR import runs while the upload's POST is answered: show that it is working, and keep
// a second click from sending the file again.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains('ocr-import')) {
    return;
  }
  var progress = document.getElementById('ocr-progress');
  if (progress) {
    progress.hidden = false;
  }
  form.querySelectorAll('button[type=submit]').forEach(function (button) {
    button.disabled = true;
    button.textContent = 'Importerer …';
  });
});
