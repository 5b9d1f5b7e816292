return [==[ unterminated
