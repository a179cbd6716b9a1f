// Rows of a form (the participants of a consultation): a button adds a row like the last one, its text fields
// emptied. Without scripts the page offers enough rows for the required participants and a few more.
(function () {
  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    var rows = document.getElementById(button.dataset.addRow);
    if (!rows) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var copy = rows.lastElementChild.cloneNode(true);
      copy.querySelectorAll('input').forEach(function (input) { input.value = ''; });
      rows.appendChild(copy);
      var first = copy.querySelector('input');
      if (first) { first.focus(); }
    });
  });
})();
