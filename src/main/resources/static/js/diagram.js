// Shows the BPMN model of a case with bpmn-js (served by the app) and highlights where it is now.
(function () {
  document.querySelectorAll('[data-diagram]').forEach(function (container) {
    fetch(container.dataset.diagram, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (diagram) {
        if (!diagram.xml) { return null; }
        var viewer = new BpmnJS({ container: container });
        return viewer.importXML(diagram.xml).then(function () {
          var canvas = viewer.get('canvas');
          canvas.zoom('fit-viewport');
          diagram.active.forEach(function (id) { canvas.addMarker(id, 'highlight'); });
          container.dataset.active = diagram.active.join(' ');
        });
      })
      .then(function () { container.dataset.loaded = 'true'; })
      .catch(function (error) { container.dataset.loaded = 'error'; console.error(error); });
  });
})();
