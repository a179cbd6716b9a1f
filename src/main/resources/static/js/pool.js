// Needs pool: ticking a suggested grouping selects all its needs.
document.querySelectorAll('.select-group').forEach(function (box) {
  box.addEventListener('change', function () {
    document.querySelectorAll('input[name=needIds][data-group="' + box.dataset.group + '"]').forEach(function (need) {
      need.checked = box.checked;
    });
  });
});
