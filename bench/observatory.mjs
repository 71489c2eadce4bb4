// The MDN HTTP Observatory's scan of one page of a local server (node bench/observatory.mjs
// HOST HTTP_PORT HTTPS_PORT PATH…): the package's own retriever, tests and grader, given the
// ports and path its command line has no options for. Prints one JSON line per path.
import { retrieve } from "@mdn/mdn-http-observatory/src/retriever/retriever.js";
import { ALL_TESTS } from "@mdn/mdn-http-observatory/src/constants.js";
import { MINIMUM_SCORE_FOR_EXTRA_CREDIT } from "@mdn/mdn-http-observatory/src/grader/charts.js";
import {
  getGradeForScore,
  getScoreModifier,
} from "@mdn/mdn-http-observatory/src/grader/grader.js";

const [host, httpPort, httpsPort, ...paths] = process.argv.slice(2);

for (const path of paths) {
  const requests = await retrieve(host, { httpPort, httpsPort, path });
  if (!requests.responses.auto) {
    console.log(JSON.stringify({ path, error: "no answer" }));
    process.exitCode = 1;
    continue;
  }
  // As the package's scan(): extra credit only once the score without it is an A.
  let score = 100;
  let uncurved = 100;
  const tests = {};
  for (const test of ALL_TESTS) {
    const result = test(requests);
    const modifier = getScoreModifier(result.result);
    score += modifier;
    if (modifier < 0) uncurved += modifier;
    tests[result.constructor.name] = { result: result.result, pass: result.pass, modifier };
  }
  const final = getGradeForScore(uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? score : uncurved);
  console.log(
    JSON.stringify({
      path,
      status: requests.responses.auto.status,
      grade: final.grade,
      score: final.score,
      tests,
    })
  );
}
