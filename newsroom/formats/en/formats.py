# Press-release style dates ("January 19, 2023") instead of Django's abbreviated default.
DATE_FORMAT = "F j, Y"
YEAR_MONTH_FORMAT = "F Y"
DATETIME_FORMAT = "F j, Y, P"
