// Accord's page script. Pages work without it; it only adds checks a reader can run in the browser.
"use strict";
