// The Linux headers HardwareLinux needs (i2c-dev, libi2c, libgpiod v1, adjtimex), and the C macros
// Swift cannot import, re-exported as constants. Never copy ioctl numbers by hand.
#ifndef CSENSORBOX_LINUX_H
#define CSENSORBOX_LINUX_H

#include <linux/i2c.h>
#include <linux/i2c-dev.h>
#include <i2c/smbus.h>
#include <gpiod.h>
#include <sys/timex.h>
#include <time.h>

// i2c-dev ioctl requests (linux/i2c-dev.h).
extern const unsigned long CSHIM_I2C_SLAVE;
extern const unsigned long CSHIM_I2C_SLAVE_FORCE;
extern const unsigned long CSHIM_I2C_FUNCS;
extern const unsigned long CSHIM_I2C_RDWR;
extern const unsigned int CSHIM_I2C_RDWR_IOCTL_MAX_MSGS;

// Adapter functionality bits reported by I2C_FUNCS (linux/i2c.h).
extern const unsigned long CSHIM_I2C_FUNC_I2C;
extern const unsigned long CSHIM_I2C_FUNC_SMBUS_WRITE_BYTE;
extern const unsigned long CSHIM_I2C_FUNC_SMBUS_READ_I2C_BLOCK;
extern const unsigned long CSHIM_I2C_FUNC_SMBUS_WRITE_I2C_BLOCK;

// i2c_msg flags and SMBus limits (linux/i2c.h).
extern const unsigned short CSHIM_I2C_M_RD;
extern const unsigned int CSHIM_I2C_SMBUS_BLOCK_MAX;

// Kernel clock discipline state (sys/timex.h): adjtimex()/ntp_adjtime() results and status bits.
extern const int CSHIM_TIME_ERROR;
extern const int CSHIM_STA_UNSYNC;

// libgpiod v1 event types (gpiod.h).
extern const int CSHIM_GPIOD_LINE_EVENT_RISING_EDGE;
extern const int CSHIM_GPIOD_LINE_EVENT_FALLING_EDGE;
extern const int CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
extern const int CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
extern const int CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;

/// ioctl() with an integer argument. ioctl is variadic, which Swift cannot call; this wrapper
/// only fixes the argument type. The caller reads errno right after a -1.
int cshim_ioctl_value(int fd, unsigned long request, unsigned long value);

/// ioctl() with a pointer argument (see cshim_ioctl_value).
int cshim_ioctl_pointer(int fd, unsigned long request, void *argument);

/// No core dump of this process, and no reading of its memory by other processes of the same
/// user (setrlimit(RLIMIT_CORE, 0) and prctl(PR_SET_DUMPABLE, 0): prctl is variadic, which
/// Swift cannot call). Returns 0, or -1 with errno set.
int cshim_disable_core_dumps(void);

/// prctl(PR_GET_DUMPABLE): 1 when the process may dump core, 0 when not, -1 on error.
int cshim_is_dumpable(void);

#endif
