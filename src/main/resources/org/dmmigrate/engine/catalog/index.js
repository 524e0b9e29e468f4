"use strict";
(function () {
  // Columns of each entry, as CatalogWriter writes them.
  var USER = 0, ID = 1, TITLE = 2, PLACEHOLDER = 3, DURATION = 4, SIZE = 5, ASSETS = 6,
      THUMB = 7, PAGE = 8;
  var PER_PAGE = 100;
  var data = JSON.parse(document.getElementById("catalog-data").textContent);
  var search = document.getElementById("search");
  var rows = document.getElementById("rows");
  var count = document.getElementById("count");
  var pageLabel = document.getElementById("page");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  var haystacks = data.map(function (entry) {
    return (entry[TITLE] + "\n" + entry[USER] + "\n" + entry[ID]).toLowerCase();
  });
  var matches = [];
  var page = 0;

  function number(count) {
    return count.toLocaleString("en-US");
  }

  function cell(row, className) {
    var td = document.createElement("td");
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function link(href, text, className) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (className) {
      a.className = className;
    }
    return a;
  }

  function row(entry) {
    var tr = document.createElement("tr");
    tr.className = "media";
    tr.dataset.id = entry[ID];
    var thumb = cell(tr, "");
    if (entry[THUMB] !== null) {
      var a = link(entry[PAGE], "", "");
      var img = document.createElement("img");
      img.className = "thumb";
      img.loading = "lazy";
      img.alt = "";
      img.width = 160;
      img.height = 90;
      img.src = entry[THUMB];
      a.appendChild(img);
      thumb.appendChild(a);
    } else {
      var none = document.createElement("div");
      none.className = "nothumb";
      none.textContent = "no thumbnail";
      thumb.appendChild(none);
    }
    cell(tr, "title").appendChild(
        link(entry[PAGE], entry[TITLE], entry[PLACEHOLDER] ? "title placeholder" : "title"));
    cell(tr, "user").textContent = entry[USER];
    cell(tr, "number").textContent = entry[DURATION];
    cell(tr, "number").textContent = entry[SIZE];
    cell(tr, "number").textContent = entry[ASSETS];
    return tr;
  }

  function render() {
    var pages = Math.max(1, Math.ceil(matches.length / PER_PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var fragment = document.createDocumentFragment();
    matches.slice(page * PER_PAGE, (page + 1) * PER_PAGE).forEach(function (index) {
      fragment.appendChild(row(data[index]));
    });
    rows.replaceChildren(fragment);
    count.textContent = matches.length === data.length
        ? number(data.length) + " media"
        : number(matches.length) + " of " + number(data.length) + " media match";
    pageLabel.textContent = "page " + (page + 1) + " of " + pages;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    document.getElementById("pager").hidden = pages === 1;
  }

  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    matches = [];
    haystacks.forEach(function (haystack, index) {
      if (words.every(function (word) { return haystack.indexOf(word) >= 0; })) {
        matches.push(index);
      }
    });
    page = 0;
    render();
  }

  search.addEventListener("input", filter);
  previous.addEventListener("click", function () { page--; render(); });
  next.addEventListener("click", function () { page++; render(); });
  window.addEventListener("pageshow", filter);
  filter();
}());
