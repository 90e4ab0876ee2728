// vf-tasks gallery: filter the task table by category, dataset and group, and search by name.
// Plain DOM code, no library and no network: the data is the table itself.
(function () {
  "use strict";
  var table = document.getElementById("tasks");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var search = document.getElementById("filter-search");
  var selects = ["category", "dataset", "group"].map(function (key) {
    return { key: key, element: document.getElementById("filter-" + key) };
  });
  var count = document.getElementById("filter-count");

  function apply() {
    var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var keep = selects.every(function (select) {
        return !select.element.value || row.dataset[select.key] === select.element.value;
      }) && words.every(function (word) { return row.dataset.search.indexOf(word) !== -1; });
      row.hidden = !keep;
      if (keep) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " tasks";
  }

  search.addEventListener("input", apply);
  selects.forEach(function (select) { select.element.addEventListener("change", apply); });
  apply();  // a reload keeps the browser's restored form values: apply them at once
})();
