// Shows the BPMN model of a case with bpmn-js (served by the app) and highlights where it is now.
//
// On a wide screen the whole model fits the box, and the current step is marked by a coloured, thick outline and
// a label above it (data-now-label), so that a small event (a timer, a message) is as easy to find as a task.
// On a phone the model fitted into 375 px would be unreadably small: it is drawn at its natural size (a task box
// about 100 px wide) in a box that scrolls sideways, scrolled to the current step.
(function () {
  var PHONE = 600; // px: narrower boxes show the model at a readable scale and scroll
  var MARGIN = 20;

  function showCurrent(viewer, container, active) {
    var canvas = viewer.get('canvas');
    var overlays = viewer.get('overlays');
    var label = container.dataset.nowLabel;
    active.forEach(function (id) {
      canvas.addMarker(id, 'highlight');
      if (label) {
        var badge = document.createElement('span');
        badge.className = 'diagram-now';
        badge.textContent = label;
        overlays.add(id, 'now', { position: { top: -26, left: -4 }, html: badge });
      }
    });
  }

  function readable(viewer, container, active) {
    var canvas = viewer.get('canvas');
    var inner = canvas.viewbox().inner;
    var width = Math.ceil(inner.width + 2 * MARGIN);
    var height = Math.ceil(inner.height + 2 * MARGIN + 30);
    var drawing = container.querySelector('.bjs-container') || container.firstElementChild;
    container.classList.add('diagram-scroll');
    drawing.style.width = width + 'px';
    drawing.style.height = height + 'px';
    canvas.resized();
    canvas.viewbox({ x: inner.x - MARGIN, y: inner.y - MARGIN - 30, width: width, height: height });
    var first = active.length ? viewer.get('elementRegistry').get(active[0]) : null;
    if (first) {
      container.scrollLeft = Math.max(0, first.x - inner.x + MARGIN + first.width / 2 - container.clientWidth / 2);
    }
  }

  document.querySelectorAll('[data-diagram]').forEach(function (container) {
    fetch(container.dataset.diagram, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (diagram) {
        if (!diagram.xml) { return null; }
        var viewer = new BpmnJS({ container: container });
        return viewer.importXML(diagram.xml).then(function () {
          var active = diagram.active || [];
          if (container.clientWidth < PHONE) {
            readable(viewer, container, active);
          } else {
            viewer.get('canvas').zoom('fit-viewport');
          }
          showCurrent(viewer, container, active);
          container.dataset.active = active.join(' ');
        });
      })
      .then(function () { container.dataset.loaded = 'true'; })
      .catch(function (error) { container.dataset.loaded = 'error'; console.error(error); });
  });
})();
