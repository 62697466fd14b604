/** The funding overview of journey 5 as the bench asks for it: totals, five breakdowns, cost per learner and per hour, utilisation, no-show cost. */
export const OVERVIEW = `query($slug: String!, $year: String!) {
  fundingOverview(partnershipSlug: $slug, financialYear: $year) {
    totals { budget { pence } committed { pence } spent { pence } remaining { pence } }
    byStream { stream { id name funderName } summary { budget { pence } committed { pence } spent { pence } remaining { pence } } }
    byFunder { key label summary { budget { pence } spent { pence } } }
    byOrganisation { key label summary { budget { pence } spent { pence } } }
    bySector { key label summary { budget { pence } spent { pence } } }
    byQuarter { key label summary { committed { pence } spent { pence } } }
    costPerLearner { pence } costPerLearningHour { pence } seatUtilisation noShowCost { pence }
  }
}`;
