// The report form: the grid list offers only the grids of the chosen community (without the script, all
// communities' grids are offered under their community's name and the server refuses a grid of another one).
(function () {
  var community = document.getElementById('communityCode');
  var grid = document.getElementById('gridCode');
  if (!community || !grid) {
    return;
  }
  function only() {
    var groups = grid.querySelectorAll('optgroup');
    for (var i = 0; i < groups.length; i++) {
      var mine = groups[i].getAttribute('data-community') === community.value;
      groups[i].hidden = !mine;
      groups[i].disabled = !mine;
      if (!mine && grid.selectedOptions.length && grid.selectedOptions[0].parentNode === groups[i]) {
        grid.value = '';
      }
    }
  }
  community.addEventListener('change', only);
  only();
})();
