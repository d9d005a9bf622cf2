package vn.planflow.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from the sky rather than read from a
 * table, so that Tết and Giỗ Tổ Hùng Vương of any year the application meets are known without
 * anyone maintaining a list.
 *
 * <p>The rules are those of the Vietnamese calendar, which differ from the Chinese one only by
 * being reckoned at UTC+7 (which is why Tết sometimes falls a day or a month apart from the
 * Chinese New Year):
 *
 * <ul>
 *   <li>a month starts on the civil day (at UTC+7) of a new moon and ends the day before the next;
 *   <li>month 11 is the month that contains the day of the winter solstice;
 *   <li>when 13 months start between two months 11, the first of them after month 11 that
 *       contains no major solar term (trung khí: the sun's longitude crossing a multiple of 30°)
 *       is a leap month and takes the number of the month before it;
 *   <li>months 11 and 12 belong to the lunar year that began the previous winter; month 1, day 1
 *       is Tết Nguyên đán.
 * </ul>
 *
 * <p>New moons follow the lunar phase series of Meeus (Astronomical Algorithms, ch. 49, good to
 * well under a minute) and the sun's apparent longitude his low-precision solar theory (ch. 25,
 * good to about 0.01°, a quarter of an hour). Dynamical time is brought to universal time with
 * the polynomial ΔT fit of Espenak and Meeus. Meant for 1900–2200. The close calls of 2025–2035
 * were checked: the new moon of 21/4/2031 at 23:57 in Hà Nội (it starts the leap third month that
 * day, not the next; every other new moon is at least ten minutes from midnight), and the equinox
 * of 22/9/2033 ten minutes before midnight, which decides nothing (that lunar year has no leap
 * month); every other solstice and major term that decides a month is hours from midnight.
 *
 * <p>Thread-safe; the months of a year are computed once and kept.
 */
public final class VietnameseLunarCalendar {

  /** Hours the Vietnamese calendar is reckoned ahead of universal time. */
  static final int UTC_OFFSET_HOURS = 7;

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2200;

  /** Julian day of 1970-01-01 at 00:00 UT. */
  private static final double JD_UNIX_EPOCH = 2440587.5;

  private static final double SYNODIC_MONTH = 29.530588861;

  /** Julian ephemeris day of the first new moon of 2000 (k = 0 in Meeus' numbering). */
  private static final double NEW_MOON_EPOCH = 2451550.09766;

  /** A day of the lunar calendar; {@code leapMonth} marks the repeated month of a leap year. */
  public record LunarDate(int year, int month, boolean leapMonth, int day) {}

  /** Months 11, 12, 1, … 10 (and a leap month) that start from the month 11 of a winter. */
  private record Winter(int startYear, long[] monthStarts, int leapIndex) {

    /** The number of the month at {@code index} (0 is month 11); leap months repeat the previous. */
    int monthNumber(int index) {
      int ordinal = leapIndex >= 0 && index >= leapIndex ? index - 1 : index;
      return (10 + ordinal) % 12 + 1;
    }

    boolean isLeap(int index) {
      return index == leapIndex;
    }

    /** Months 11 and 12 (before the first month 1) belong to the lunar year that started before. */
    int lunarYear(int index) {
      int firstMonthOne = leapIndex == 1 || leapIndex == 2 ? 3 : 2;
      return index < firstMonthOne ? startYear : startYear + 1;
    }

    int months() {
      return monthStarts.length - 1;
    }
  }

  private final Map<Integer, Winter> winters = new ConcurrentHashMap<>();

  /** The solar date of a day of an ordinary (not leap) lunar month. */
  public LocalDate solarDate(int lunarYear, int lunarMonth, int lunarDay) {
    return solarDate(lunarYear, lunarMonth, false, lunarDay);
  }

  /**
   * The solar date of a lunar day.
   *
   * @throws IllegalArgumentException when the year has no such month (e.g. a leap month in a
   *     year without one) or the month has no such day (day 30 of a 29-day month)
   */
  public LocalDate solarDate(int lunarYear, int lunarMonth, boolean leapMonth, int lunarDay) {
    checkYear(lunarYear);
    if (lunarMonth < 1 || lunarMonth > 12) {
      throw new IllegalArgumentException("lunar month must be 1..12: " + lunarMonth);
    }
    if (lunarDay < 1 || lunarDay > 30) {
      throw new IllegalArgumentException("lunar day must be 1..30: " + lunarDay);
    }
    // Months 11 and 12 of lunar year Y (and a leap 11 or 12) come in the winter that starts in
    // solar year Y; months 1 to 10 in the winter that started in Y - 1.
    Winter winter = winter(lunarMonth >= 11 ? lunarYear : lunarYear - 1);
    for (int index = 0; index < winter.months(); index++) {
      if (winter.monthNumber(index) == lunarMonth
          && winter.isLeap(index) == leapMonth
          && winter.lunarYear(index) == lunarYear) {
        long first = winter.monthStarts()[index];
        long length = winter.monthStarts()[index + 1] - first;
        if (lunarDay > length) {
          throw new IllegalArgumentException(
              "lunar month " + lunarMonth + " of " + lunarYear + " has " + length + " days");
        }
        return LocalDate.ofEpochDay(first + lunarDay - 1);
      }
    }
    throw new IllegalArgumentException(
        "lunar year " + lunarYear + " has no " + (leapMonth ? "leap " : "") + "month " + lunarMonth);
  }

  /** The lunar date of a solar date. */
  public LunarDate lunarDate(LocalDate solarDate) {
    checkYear(solarDate.getYear());
    long day = solarDate.toEpochDay();
    Winter winter = winter(solarDate.getYear());
    if (day < winter.monthStarts()[0]) {
      winter = winter(solarDate.getYear() - 1);
    }
    for (int index = 0; index < winter.months(); index++) {
      if (day < winter.monthStarts()[index + 1]) {
        return new LunarDate(
            winter.lunarYear(index),
            winter.monthNumber(index),
            winter.isLeap(index),
            (int) (day - winter.monthStarts()[index]) + 1);
      }
    }
    throw new IllegalStateException("no lunar month contains " + solarDate);
  }

  /** Tết Nguyên đán: day 1 of month 1 of the lunar year that starts in this solar year. */
  public LocalDate newYear(int year) {
    return solarDate(year, 1, 1);
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "the lunar calendar is computed for " + FIRST_YEAR + "–" + LAST_YEAR + ": " + year);
    }
  }

  private Winter winter(int startYear) {
    return winters.computeIfAbsent(startYear, VietnameseLunarCalendar::computeWinter);
  }

  private static Winter computeWinter(int startYear) {
    int first = month11Index(startYear);
    int next = month11Index(startYear + 1);
    long[] starts = new long[next - first + 1];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = newMoonDay(first + i);
    }
    int leapIndex = -1;
    if (starts.length - 1 == 13) {
      for (int i = 1; i < 13 && leapIndex < 0; i++) {
        if (majorTermSector(starts[i]) == majorTermSector(starts[i + 1])) {
          leapIndex = i;
        }
      }
    }
    return new Winter(startYear, starts, leapIndex);
  }

  /** Meeus' number of the new moon that starts month 11 of the winter of {@code year}. */
  private static int month11Index(int year) {
    long solstice = localDay(winterSolstice(year));
    int k = (int) Math.floor((solstice - (NEW_MOON_EPOCH - JD_UNIX_EPOCH)) / SYNODIC_MONTH) + 1;
    while (newMoonDay(k) > solstice) {
      k--;
    }
    while (newMoonDay(k + 1) <= solstice) {
      k++;
    }
    return k;
  }

  /** Which 30° sector of longitude the sun is in at the midnight (UTC+7) that starts the day. */
  private static int majorTermSector(long epochDay) {
    double midnightUt = JD_UNIX_EPOCH + epochDay - UTC_OFFSET_HOURS / 24.0;
    return (int) Math.floor(sunLongitude(toDynamicalTime(midnightUt)) / 30.0);
  }

  /** The civil day, at UTC+7, of new moon number k. */
  static long newMoonDay(int k) {
    return localDay(toUniversalTime(newMoon(k)));
  }

  /** The epoch day, at UTC+7, of a moment given as a Julian day in universal time. */
  private static long localDay(double julianDayUt) {
    return (long) Math.floor(julianDayUt - JD_UNIX_EPOCH + UTC_OFFSET_HOURS / 24.0);
  }

  /** The moment (Julian day, universal time) when the sun reaches longitude 270° in December. */
  static double winterSolstice(int year) {
    double jde = JD_UNIX_EPOCH + LocalDate.of(year, 12, 21).toEpochDay();
    for (int i = 0; i < 50; i++) {
      double correction = 58 * Math.sin(Math.toRadians(270 - sunLongitude(jde)));
      jde += correction;
      if (Math.abs(correction) < 1e-6) {
        break;
      }
    }
    return toUniversalTime(jde);
  }

  /**
   * The moment (Julian ephemeris day) of new moon number k, counted from the new moon of
   * 6 January 2000: the mean phase corrected by the periodic terms of the moon, the sun and the
   * planets.
   */
  static double newMoon(int k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double t4 = t3 * t;
    double jde =
        NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
    double e = 1 - 0.002516 * t - 0.0000074 * t2;
    double sun = radians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
    double moon =
        radians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
    double latitude =
        radians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
    double node = radians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

    double periodic =
        -0.40720 * Math.sin(moon)
            + 0.17241 * e * Math.sin(sun)
            + 0.01608 * Math.sin(2 * moon)
            + 0.01039 * Math.sin(2 * latitude)
            + 0.00739 * e * Math.sin(moon - sun)
            - 0.00514 * e * Math.sin(moon + sun)
            + 0.00208 * e * e * Math.sin(2 * sun)
            - 0.00111 * Math.sin(moon - 2 * latitude)
            - 0.00057 * Math.sin(moon + 2 * latitude)
            + 0.00056 * e * Math.sin(2 * moon + sun)
            - 0.00042 * Math.sin(3 * moon)
            + 0.00042 * e * Math.sin(sun + 2 * latitude)
            + 0.00038 * e * Math.sin(sun - 2 * latitude)
            - 0.00024 * e * Math.sin(2 * moon - sun)
            - 0.00017 * Math.sin(node)
            - 0.00007 * Math.sin(moon + 2 * sun)
            + 0.00004 * Math.sin(2 * moon - 2 * latitude)
            + 0.00004 * Math.sin(3 * sun)
            + 0.00003 * Math.sin(moon + sun - 2 * latitude)
            + 0.00003 * Math.sin(2 * moon + 2 * latitude)
            - 0.00003 * Math.sin(moon + sun + 2 * latitude)
            + 0.00003 * Math.sin(moon - sun + 2 * latitude)
            - 0.00002 * Math.sin(moon - sun - 2 * latitude)
            - 0.00002 * Math.sin(3 * moon + sun)
            + 0.00002 * Math.sin(4 * moon);

    double planetary =
        0.000325 * sinDegrees(299.77 + 0.107408 * k - 0.009173 * t2)
            + 0.000165 * sinDegrees(251.88 + 0.016321 * k)
            + 0.000164 * sinDegrees(251.83 + 26.651886 * k)
            + 0.000126 * sinDegrees(349.42 + 36.412478 * k)
            + 0.000110 * sinDegrees(84.66 + 18.206239 * k)
            + 0.000062 * sinDegrees(141.74 + 53.303771 * k)
            + 0.000060 * sinDegrees(207.14 + 2.453732 * k)
            + 0.000056 * sinDegrees(154.84 + 7.306860 * k)
            + 0.000047 * sinDegrees(34.52 + 27.261239 * k)
            + 0.000042 * sinDegrees(207.19 + 0.121824 * k)
            + 0.000040 * sinDegrees(291.34 + 1.844379 * k)
            + 0.000037 * sinDegrees(161.72 + 24.198154 * k)
            + 0.000035 * sinDegrees(239.56 + 25.513099 * k)
            + 0.000023 * sinDegrees(331.55 + 3.592518 * k);
    return jde + periodic + planetary;
  }

  /** The sun's apparent ecliptic longitude in degrees [0, 360) at a Julian ephemeris day. */
  static double sunLongitude(double jde) {
    double t = (jde - 2451545.0) / 36525;
    double t2 = t * t;
    double meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t2;
    double anomaly = radians(357.52911 + 35999.05029 * t - 0.0001537 * t2);
    double centre =
        (1.914602 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly)
            + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly)
            + 0.000289 * Math.sin(3 * anomaly);
    double node = radians(125.04 - 1934.136 * t);
    // Aberration and the main term of nutation.
    double apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.sin(node);
    return normalize(apparent);
  }

  /** Dynamical time (of the ephemerides) to universal time (of clocks), both as Julian days. */
  private static double toUniversalTime(double jde) {
    return jde - deltaT(jde) / 86400;
  }

  private static double toDynamicalTime(double jdUt) {
    return jdUt + deltaT(jdUt) / 86400;
  }

  /** ΔT = TT − UT in seconds: the polynomial fits of Espenak and Meeus (NASA, 2006). */
  private static double deltaT(double julianDay) {
    double year = 2000 + (julianDay - 2451544.5) / 365.2425;
    if (year < 1920) {
      double t = year - 1900;
      return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t
          - 0.000197 * t * t * t * t;
    }
    if (year < 1941) {
      double t = year - 1920;
      return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
    }
    if (year < 1961) {
      double t = year - 1950;
      return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
    }
    if (year < 1986) {
      double t = year - 1975;
      return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
    }
    if (year < 2005) {
      double t = year - 2000;
      return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t
          + 0.000651814 * t * t * t * t + 0.00002373599 * t * t * t * t * t;
    }
    if (year < 2050) {
      double t = year - 2000;
      return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }
    if (year < 2150) {
      double u = (year - 1820) / 100;
      return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }
    double u = (year - 1820) / 100;
    return -20 + 32 * u * u;
  }

  private static double radians(double degrees) {
    return Math.toRadians(normalize(degrees));
  }

  private static double sinDegrees(double degrees) {
    return Math.sin(radians(degrees));
  }

  private static double normalize(double degrees) {
    double result = degrees % 360;
    return result < 0 ? result + 360 : result;
  }
}
