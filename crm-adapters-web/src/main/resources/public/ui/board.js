/*
 * Kontor's pipeline board: drag a card to another column to move the sale. The drop fills in
 * that card's own form (the stage select) and sends it, so the server's rules decide exactly as
 * when the form is used by keyboard; a stage that needs a reason (lost, cancelled) opens the
 * reason field instead and waits for the seller. Without this script the forms work as they are.
 * Also used on a sale's page: the reason field shows only when the chosen stage needs one.
 */
(function () {
  'use strict';

  function needsReason(select) {
    var option = select.options[select.selectedIndex];
    return !!option && option.getAttribute('data-needs-reason') === 'true';
  }

  function reasonBox(form) {
    return form.querySelector('.reason');
  }

  function showReason(form, show) {
    var box = reasonBox(form);
    if (box) {
      box.classList.toggle('is-hidden', !show);
    }
  }

  function announce(text) {
    var live = document.getElementById('board-live');
    if (live) {
      live.textContent = text;
    }
  }

  function send(form) {
    if (typeof form.requestSubmit === 'function') {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  // the reason field: shown when the chosen stage needs it, or when it already holds text
  var forms = document.querySelectorAll('form.move');
  Array.prototype.forEach.call(forms, function (form) {
    var select = form.elements.stage;
    var reason = form.elements.reason;
    if (!select) {
      return;
    }
    showReason(form, needsReason(select) || (reason && reason.value.trim() !== ''));
    select.addEventListener('change', function () {
      showReason(form, needsReason(select) || (reason && reason.value.trim() !== ''));
    });
  });

  var board = document.querySelector('.board');
  if (!board) {
    return;
  }
  var dragged = null;

  function columnOf(node) {
    return node && node.closest ? node.closest('.column') : null;
  }

  /** Moves the card's sale to the column's stage through the card's form. */
  function moveTo(card, column) {
    var stage = column.getAttribute('data-stage');
    if (!stage || stage === card.getAttribute('data-stage')) {
      return;
    }
    var form = card.querySelector('form.move');
    if (!form) {
      announce('Dette salget kan ikke flyttes.');
      return;
    }
    var select = form.elements.stage;
    var option = null;
    Array.prototype.forEach.call(select.options, function (o) {
      if (o.value === stage) {
        option = o;
      }
    });
    if (!option) {
      // not a move the card offers: send it anyway, and the server says why not (in Norwegian)
      option = document.createElement('option');
      option.value = stage;
      option.textContent = column.getAttribute('data-label') || stage;
      option.setAttribute('data-needs-reason', column.getAttribute('data-needs-reason') || 'false');
      select.appendChild(option);
    }
    select.value = stage;
    if (needsReason(select) && form.elements.reason && form.elements.reason.value.trim() === '') {
      showReason(form, true);
      form.elements.reason.focus();
      announce('«' + option.textContent + '» krever en begrunnelse. Skriv den og trykk «Flytt».');
      return;
    }
    announce('Flytter salget til «' + option.textContent + '» …');
    send(form);
  }

  board.addEventListener('dragstart', function (event) {
    var card = event.target && event.target.closest ? event.target.closest('.card[draggable="true"]') : null;
    if (!card) {
      return;
    }
    dragged = card;
    card.classList.add('dragging');
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', card.getAttribute('data-sale'));
    }
  });

  board.addEventListener('dragend', function () {
    if (dragged) {
      dragged.classList.remove('dragging');
    }
    dragged = null;
    Array.prototype.forEach.call(board.querySelectorAll('.drop-target'), function (c) {
      c.classList.remove('drop-target');
    });
  });

  board.addEventListener('dragover', function (event) {
    var column = columnOf(event.target);
    if (!column || !dragged) {
      return;
    }
    event.preventDefault(); // this column takes the drop
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = 'move';
    }
    column.classList.add('drop-target');
  });

  board.addEventListener('dragleave', function (event) {
    var column = columnOf(event.target);
    if (column && !column.contains(event.relatedTarget)) {
      column.classList.remove('drop-target');
    }
  });

  board.addEventListener('drop', function (event) {
    var column = columnOf(event.target);
    if (!column) {
      return;
    }
    event.preventDefault();
    column.classList.remove('drop-target');
    var id = event.dataTransfer ? event.dataTransfer.getData('text/plain') : '';
    var card = id ? document.getElementById('sale-' + id) : dragged;
    if (card) {
      moveTo(card, column);
    }
  });
}());
