// A small cited scenario for the report tests: two sites, a bus, a screening and a capped port, so
// every chart has data; its citations use a bundled fact, a fact of its own and an assumption.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SMALL_CITED = `
name: small-report
title: Small report scenario
description: A bus between two sites, a screening and a capped port, for the report tests.
start: 2019-11-01
days: 12
seed: 11
replications: 3
categories:
  family: {groupSize: {values: [2, 3, 4], weights: [1, 1, 1]}, mppEligible: true}
  single: {groupSize: 1, mppEligible: false}
sectors:
  tucson:
    holdingCapacity: 300
    arrivals: {peoplePerDay: 90, mix: {family: 0.7, single: 0.3}}
    processing: {agents: 3, hoursPerGroup: {dist: lognormal, mean: 1.5, sd: 0.5}}
    mpp: {enrolledFraction: 0.8, bus: tucson-el-paso}
  el-paso:
    holdingCapacity: 500
    port: ciudad-juarez
    screening: uscis
busRoutes:
  tucson-el-paso: {from: tucson, to: el-paso, departures: ["08:00"], busesPerDeparture: 1, seatsPerBus: 50, travelHours: {dist: triangular, min: 4.5, mode: 4.75, max: 5.5}}
screenings:
  uscis: {fearFraction: 0.2, officers: 2, interviewMinutes: {dist: exponential, mean: 90}, positiveRate: 0.12}
ports:
  ciudad-juarez: {dailyCap: 40, hours: {open: "06:00", close: "20:00"}, closedDates: ["2019-11-05"]}
facts:
  - id: test-juarez-cap
    value: 40
    unit: people per day (test figure)
    date: 'Nov 2019'
    source: Report test fixture <not a publication>
citations:
  ports.ciudad-juarez.dailyCap: { fact: test-juarez-cap, note: a scenario's own fact }
  busRoutes.tucson-el-paso.seatsPerBus: { fact: bus-people-per-bus }
  sectors.tucson: { assumption: "whole-sector assumption for the test" }
  sectors.el-paso.holdingCapacity: { assumption: "an assumption with <markup> & quotes\\"" }
`;

export function writeSmallScenario(dir: string): string {
  const file = join(dir, 'small-report.yaml');
  writeFileSync(file, SMALL_CITED);
  return file;
}
