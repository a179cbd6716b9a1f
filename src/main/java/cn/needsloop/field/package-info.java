/**
 * Field work (全科网格): the grid workers of each grid, the register of households with their addresses and care
 * tags, the daily patrol of the households due a visit ({@code visitFrequency.dmn}, {@code grid-patrol.bpmn}),
 * the visits recorded on it and the needs found on it (channel {@code GRID_PATROL}).
 */
package cn.needsloop.field;
