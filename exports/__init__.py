"""Files officials take away: the Excel list and the disclosure calendar (flowcharts are drawn in viz/)."""
