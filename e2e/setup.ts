/** Browser tests wait for real pages over HTTP: give each test more time than unit tests get. */
jest.setTimeout(90_000);
